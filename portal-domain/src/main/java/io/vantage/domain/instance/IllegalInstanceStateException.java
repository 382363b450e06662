package io.vantage.domain.instance;

/** An action that the instance's current state does not allow; the message says why in plain words. */
public class IllegalInstanceStateException extends RuntimeException {

    private final InstanceState state;

    public IllegalInstanceStateException(String message, InstanceState state) {
        super(message);
        this.state = state;
    }

    public InstanceState getState() {
        return state;
    }
}
