package io.vantage.api.admin;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.domain.catalogue.ProtocolRepository;

/** The protocols images can offer (read-only: they are part of the portal's schema). */
@RestController
@RequestMapping("/api/admin/protocols")
@PreAuthorize("hasRole('ADMIN')")
class ProtocolAdminController {

    private final ProtocolRepository protocols;

    ProtocolAdminController(ProtocolRepository protocols) {
        this.protocols = protocols;
    }

    @GetMapping
    List<ProtocolView> list() {
        return protocols.findAll().stream().sorted(Comparator.comparing(p -> p.getName()))
                .map(ProtocolView::of).toList();
    }
}
