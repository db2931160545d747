package countylive.ledger;

import countylive.web.form.Refusal;

import java.util.List;

/**
 * An import the ledger will not make: its rows have problems, or unit-price warnings the user has
 * not confirmed. Nothing was written. The rows' problems are listed in file order.
 */
public class ImportRefusal extends Refusal {

    private final transient List<SalesFile.RowProblem> rows;

    ImportRefusal(List<SalesFile.RowProblem> rows) {
        super(Kind.INVALID, List.of(new Problem(null, "form.fixErrors", List.of())));
        this.rows = List.copyOf(rows);
    }

    public List<SalesFile.RowProblem> rows() {
        return rows;
    }

    public boolean onlyWarnings() {
        return rows.stream().allMatch(SalesFile.RowProblem::warning);
    }
}
