package io.vantage.api.catalogue;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.admin.AdminAudit;
import io.vantage.api.admin.Withdrawal;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.pool.PoolKeeper;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.FlavourRepository;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.ImageRepository;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.instance.InstanceRepository;

/** Plans: which image may run on which flavour. A withdrawn plan's pre-warmed pool drains. */
@Service
public class PlanAdmin {

    private final PlanRepository plans;
    private final ImageRepository images;
    private final FlavourRepository flavours;
    private final InstanceRepository instances;
    private final AdminAudit audit;
    private final PoolKeeper pools;

    PlanAdmin(PlanRepository plans, ImageRepository images, FlavourRepository flavours, InstanceRepository instances,
              AdminAudit audit, PoolKeeper pools) {
        this.plans = plans;
        this.images = images;
        this.flavours = flavours;
        this.instances = instances;
        this.audit = audit;
        this.pools = pools;
    }

    public record NewPlan(@NotNull Long imageId, @NotNull Long flavourId, Boolean preset) {
    }

    record PresetChange(@NotNull Boolean preset) {
    }

    @Transactional(readOnly = true)
    public List<PlanView> list(boolean includeDeleted) {
        return plans.findAllWithCatalogue().stream().filter(p -> includeDeleted || !p.isDeleted()).map(PlanView::of)
                .toList();
    }

    @Transactional
    public PlanView create(CurrentUser actor, NewPlan request) {
        Image image = images.findById(request.imageId()).filter(i -> !i.isDeleted())
                .orElseThrow(() -> new FieldException("imageId", "no image with id " + request.imageId()));
        Flavour flavour = flavours.findById(request.flavourId()).filter(f -> !f.isDeleted())
                .orElseThrow(() -> new FieldException("flavourId", "no flavour with id " + request.flavourId()));
        if (!image.getProvider().getId().equals(flavour.getProvider().getId())) {
            throw new FieldException("flavourId", "flavour '" + flavour.getName() + "' is on cloud provider '"
                    + flavour.getProvider().getName() + "', image '" + image.getName() + "' on '"
                    + image.getProvider().getName() + "': a plan needs both on the same provider");
        }
        if (plans.existsByImageIdAndFlavourIdAndDeletedFalse(image.getId(), flavour.getId())) {
            throw new ConflictException(HttpStatus.CONFLICT, "Plan exists", "Image '" + image.getName()
                    + "' is already offered on flavour '" + flavour.getName() + "'.",
                    Map.of("imageId", image.getId(), "flavourId", flavour.getId()));
        }
        Plan plan = plans.save(new Plan(image, flavour, Boolean.TRUE.equals(request.preset())));
        audit.success(actor, "admin.plan.create", "plan", plan.getId(), image.getName() + " " + image.getVersion()
                + " on " + flavour.getName());
        return PlanView.of(plan);
    }

    @Transactional
    public PlanView preset(CurrentUser actor, Long id, boolean preset) {
        Plan plan = find(id);
        plan.markPreset(preset);
        audit.success(actor, "admin.plan.preset", "plan", id, preset ? "preset" : "not a preset");
        return PlanView.of(plan);
    }

    @Transactional
    public Withdrawal delete(CurrentUser actor, Long id) {
        Plan plan = find(id);
        plan.delete();
        plan.markPreset(false);
        Withdrawal withdrawal = Withdrawal.of(id, "Plan " + id + " (" + plan.getImage().getName() + " on "
                + plan.getFlavour().getName() + ")", instances.countAliveWithPlan(id), List.of());
        audit.success(actor, "admin.plan.delete", "plan", id, withdrawal.message());
        pools.nudge(id); // a withdrawn plan's pool drains
        return withdrawal;
    }

    private Plan find(Long id) {
        return plans.findById(id).orElseThrow(() -> new NotFoundException("plan", id));
    }
}
