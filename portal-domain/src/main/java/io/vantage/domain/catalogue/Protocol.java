package io.vantage.domain.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service an image offers on a port; required ones must answer before an instance counts as ACTIVE. */
@Entity
@Table(name = "protocols")
public class Protocol {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private ProtocolKind kind;
    private int port;
    private boolean optional;

    protected Protocol() {
    }

    public Protocol(String name, ProtocolKind kind, int port, boolean optional) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535");
        }
        this.name = name;
        this.kind = kind;
        this.port = port;
        this.optional = optional;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ProtocolKind getKind() {
        return kind;
    }

    public int getPort() {
        return port;
    }

    public boolean isOptional() {
        return optional;
    }
}
