package io.vantage.web.user;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.vantage.api.user.GroupAdmin;
import io.vantage.api.user.RolePolicyAdmin;
import io.vantage.api.user.RoleView;

/** The forms of the roles and quotas pages. */
final class RoleForms {

    private RoleForms() {
    }

    /** Quota and lifetimes of a role's holders; lifetimes in minutes, as the API takes them. */
    static class PolicyForm {
        @NotNull @PositiveOrZero private Integer instances;
        @NotNull @PositiveOrZero private Integer vcpu;
        @NotNull @PositiveOrZero private Integer memoryMib;
        @NotNull @PositiveOrZero private Integer gpu;
        @NotNull @Positive @Max(RolePolicyAdmin.MAX_MINUTES) private Integer lifetimeMinutes;
        @NotNull @Positive @Max(RolePolicyAdmin.MAX_MINUTES) private Integer inactivityMinutes;

        static PolicyForm of(RoleView.Policy policy) {
            PolicyForm form = new PolicyForm();
            form.instances = policy.instances();
            form.vcpu = policy.vcpu();
            form.memoryMib = policy.memoryMib();
            form.gpu = policy.gpu();
            form.lifetimeMinutes = (int) Math.min(Integer.MAX_VALUE, policy.lifetimeMinutes());
            form.inactivityMinutes = (int) Math.min(Integer.MAX_VALUE, policy.inactivityMinutes());
            return form;
        }

        RolePolicyAdmin.PolicyRequest toRequest() {
            return new RolePolicyAdmin.PolicyRequest(instances, vcpu, memoryMib, gpu, lifetimeMinutes,
                    inactivityMinutes);
        }

        public Integer getInstances() { return instances; }
        public void setInstances(Integer instances) { this.instances = instances; }
        public Integer getVcpu() { return vcpu; }
        public void setVcpu(Integer vcpu) { this.vcpu = vcpu; }
        public Integer getMemoryMib() { return memoryMib; }
        public void setMemoryMib(Integer memoryMib) { this.memoryMib = memoryMib; }
        public Integer getGpu() { return gpu; }
        public void setGpu(Integer gpu) { this.gpu = gpu; }
        public Integer getLifetimeMinutes() { return lifetimeMinutes; }
        public void setLifetimeMinutes(Integer lifetimeMinutes) { this.lifetimeMinutes = lifetimeMinutes; }
        public Integer getInactivityMinutes() { return inactivityMinutes; }
        public void setInactivityMinutes(Integer inactivityMinutes) { this.inactivityMinutes = inactivityMinutes; }
    }

    /** A group: a role admins make, to reserve flavours and security groups for some people. */
    static class GroupForm {
        @NotBlank @Size(max = 64) private String name;
        @Size(max = 255) private String description;

        GroupAdmin.NewGroup toRequest() {
            return new GroupAdmin.NewGroup(name, description);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }
}
