package io.vantage.api.data;

/** The dataset catalogue could not be asked (down, slow, refusing the portal): a 503 that says so. */
public class CatalogueUnavailableException extends RuntimeException {

    public CatalogueUnavailableException(String message) {
        super(message);
    }
}
