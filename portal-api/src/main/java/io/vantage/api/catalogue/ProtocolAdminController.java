package io.vantage.api.catalogue;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The protocols images can offer (read-only: they are part of the portal's schema). */
@RestController
@RequestMapping("/api/admin/protocols")
@PreAuthorize("hasRole('ADMIN')")
class ProtocolAdminController {

    private final ProtocolQueries protocols;

    ProtocolAdminController(ProtocolQueries protocols) {
        this.protocols = protocols;
    }

    @GetMapping
    List<ProtocolView> list() {
        return protocols.all();
    }
}
