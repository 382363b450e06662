package io.vantage.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

final class Authorities {

    static final String ROLE_PREFIX = "ROLE_";

    private Authorities() {
    }

    static List<GrantedAuthority> of(Collection<String> roles) {
        return roles.stream().sorted().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + role)).toList();
    }

    static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length())).collect(Collectors.toSet());
    }
}
