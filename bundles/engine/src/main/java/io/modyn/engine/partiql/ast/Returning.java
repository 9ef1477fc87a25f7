package io.modyn.engine.partiql.ast;

/**
 * A {@code RETURNING (ALL | MODIFIED) (OLD | NEW) *} clause, with DynamoDB's ReturnValues for it.
 */
public enum Returning {
    ALL_OLD("ALL OLD *"), MODIFIED_OLD("MODIFIED OLD *"), ALL_NEW("ALL NEW *"), MODIFIED_NEW("MODIFIED NEW *");

    private final String text;

    Returning(String text) {
        this.text = text;
    }

    /** The clause as DynamoDB quotes it in messages, such as {@code MODIFIED OLD *}. */
    public String text() {
        return text;
    }

    /** The UpdateItem/DeleteItem ReturnValues that answers the clause. */
    public String returnValues() {
        return switch (this) {
            case ALL_OLD -> "ALL_OLD";
            case MODIFIED_OLD -> "UPDATED_OLD";
            case ALL_NEW -> "ALL_NEW";
            case MODIFIED_NEW -> "UPDATED_NEW";
        };
    }
}
