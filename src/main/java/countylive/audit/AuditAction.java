package countylive.audit;

public enum AuditAction {
    CREATE, UPDATE, DELETE, IMPORT
}
