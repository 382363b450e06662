package io.vantage.api.admin;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import io.vantage.api.error.FieldException;
import io.vantage.domain.catalogue.FlavourRepository;
import io.vantage.domain.proposal.InstrumentRepository;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;

/**
 * Resolves what flavour limits and security group rules point at, by the names admins know (role names,
 * instrument ids, flavour ids); an unknown one is a 400 naming the field it came in.
 */
@Component
@NamedInterface("console")
public class Targets {

    private final RoleRepository roles;
    private final InstrumentRepository instruments;
    private final FlavourRepository flavours;

    Targets(RoleRepository roles, InstrumentRepository instruments, FlavourRepository flavours) {
        this.roles = roles;
        this.instruments = instruments;
        this.flavours = flavours;
    }

    /** One resolved target: exactly one of the ids is set. */
    public record Target(Long roleId, String instrumentId, Long flavourId, String label) {
    }

    public Target roleOrInstrument(String roleName, String instrumentId) {
        boolean byRole = roleName != null && !roleName.isBlank();
        boolean byInstrument = instrumentId != null && !instrumentId.isBlank();
        if (byRole == byInstrument) {
            throw new FieldException("roleName", "give either roleName or instrumentId");
        }
        return byRole ? role("roleName", roleName) : instrument("instrumentId", instrumentId);
    }

    public Target role(String field, String roleName) {
        if (roleName == null || roleName.isBlank()) {
            throw new FieldException(field, "is required");
        }
        Role role = roles.findByName(roleName).orElseThrow(() -> new FieldException(field, "no role '" + roleName
                + "'; see GET /api/admin/roles"));
        return new Target(role.getId(), null, null, "role " + role.getName());
    }

    public Target instrument(String field, String instrumentId) {
        if (instrumentId == null || instrumentId.isBlank()) {
            throw new FieldException(field, "is required");
        }
        if (!instruments.existsById(instrumentId)) {
            throw new FieldException(field, "no instrument '" + instrumentId + "'");
        }
        return new Target(null, instrumentId, null, "instrument " + instrumentId);
    }

    public Target flavour(String field, Long flavourId) {
        if (flavourId == null) {
            throw new FieldException(field, "is required");
        }
        String name = flavours.findById(flavourId).filter(f -> !f.isDeleted()).map(f -> f.getName())
                .orElseThrow(() -> new FieldException(field, "no flavour with id " + flavourId));
        return new Target(null, null, flavourId, "flavour " + name);
    }
}
