package io.vantage.domain.recipe;

/** A recipe definition that cannot be used, naming the field at fault. */
public class RecipeException extends IllegalArgumentException {

    private final String field;

    public RecipeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
