-- A refused import's workbook with the bad cells marked, kept for a day so that the coordinator
-- can download it from any app node.
CREATE TABLE sale_import_rejection (
    token       CHAR(43)     NOT NULL,
    user_id     BIGINT       NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    content     LONGBLOB     NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (token),
    KEY ix_sale_import_rejection_created (created_at),
    CONSTRAINT fk_sale_import_rejection_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
