package io.vantage.api.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import io.vantage.api.tunnel.TicketGrant;
import io.vantage.domain.instance.MemberRole;

/**
 * Access rules are written in {@link AccessPolicy} only: no other class decides by a member role itself (tickets,
 * notebook grants, open connections and the data tab ask {@link AccessPolicy#watchesOnly}).
 */
class AccessRulesTest {

    @Test
    void onlyTheAccessPolicyNamesTheWatchingRole() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.vantage.api", "io.vantage.domain");
        noClasses().that().doNotHaveFullyQualifiedName(AccessPolicy.class.getName())
                .and().doNotBelongToAnyOf(MemberRole.class) // the enum's own initialisation
                .should().accessField(MemberRole.class, MemberRole.GUEST.name())
                .because("who only watches is AccessPolicy.watchesOnly's decision")
                .check(classes);
    }

    @Test
    void aRedeemedTicketIsReadOnlyExactlyWhenThePolicySaysItsRoleWatches() {
        for (MemberRole role : MemberRole.values()) {
            assertThat(new TicketGrant("u1", 1L, "abc", "VNC", role).readOnly())
                    .as(role.name()).isEqualTo(AccessPolicy.watchesOnly(role));
            assertThat(new ConnectionDecision(role, null).readOnly()).as(role.name())
                    .isEqualTo(AccessPolicy.watchesOnly(role));
        }
        assertThat(AccessPolicy.watchesOnly(MemberRole.GUEST)).isTrue();
        assertThat(AccessPolicy.watchesOnly(MemberRole.SUPPORT)).isFalse();
    }
}
