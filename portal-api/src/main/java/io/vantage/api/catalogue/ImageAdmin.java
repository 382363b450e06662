package io.vantage.api.catalogue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.audit.AdminAudit;
import io.vantage.api.cloud.CloudLookup;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.support.Withdrawal;
import io.vantage.cloud.api.CloudImage;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.ImageRepository;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.catalogue.ProtocolRepository;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.instance.InstanceRepository;

/** Registers, changes and withdraws images. The cloud is asked outside any transaction (it may be slow). */
@Service
public class ImageAdmin {

    private final ImageRepository images;
    private final ProtocolRepository protocols;
    private final PlanRepository plans;
    private final InstanceRepository instances;
    private final CloudProviderRecordRepository providers;
    private final CloudLookup cloud;
    private final AdminAudit audit;
    private final TransactionTemplate tx;

    ImageAdmin(ImageRepository images, ProtocolRepository protocols, PlanRepository plans, InstanceRepository instances,
               CloudProviderRecordRepository providers, CloudLookup cloud, AdminAudit audit, TransactionTemplate tx) {
        this.images = images;
        this.protocols = protocols;
        this.plans = plans;
        this.instances = instances;
        this.providers = providers;
        this.cloud = cloud;
        this.audit = audit;
        this.tx = tx;
    }

    @Transactional(readOnly = true)
    public List<ImageView> list(boolean includeDeleted) {
        return images.findAllByOrderByNameAscVersionAscIdAsc().stream().filter(i -> includeDeleted || !i.isDeleted())
                .map(i -> ImageView.of(i, null)).toList();
    }

    @Transactional(readOnly = true)
    public ImageView get(Long id) {
        return ImageView.of(find(id), null);
    }

    public ImageView create(CurrentUser actor, ImageRequests.NewImage request) {
        CloudProviderRecord provider = providers.findById(request.providerId()).orElseThrow(
                () -> new FieldException("providerId", "no cloud provider with id " + request.providerId()));
        CloudLookup.Answer<CloudImage> offered = cloud.ask(provider.getId(), p -> p.catalogue().images());
        String warning = null;
        if (!offered.answered()) {
            warning = "Registered without checking the cloud, which did not answer: " + offered.problem();
        } else if (offered.items().stream().noneMatch(i -> i.id().equals(request.providerImageId()))) {
            throw new FieldException("providerImageId", "cloud provider '" + provider.getName()
                    + "' offers no image '" + request.providerImageId() + "'");
        }
        String checked = warning;
        return tx.execute(status -> {
            ImageRequests.ImageChanges changes = request.changes();
            Set<Protocol> chosen = protocols(changes.protocolIds());
            Image image = new Image(changes.name(), changes.version(), providers.getReferenceById(provider.getId()),
                    request.providerImageId(), chosen, defaultProtocol(changes.defaultProtocolId(), chosen));
            image.describe(changes.name(), changes.version(), changes.description(), changes.icon());
            image.configure(changes.bootScript(), changes.policy(), changes.isVisible());
            images.save(image);
            audit.success(actor, "admin.image.create", "image", image.getId(), image.getName() + " "
                    + image.getVersion() + " = " + request.providerImageId() + " on " + provider.getName());
            return ImageView.of(image, checked);
        });
    }

    @Transactional
    public ImageView update(CurrentUser actor, Long id, ImageRequests.ImageChanges changes) {
        Image image = find(id);
        if (image.isDeleted()) {
            throw audit.refused(actor, "admin.image.update", "image", id, new ConflictException(HttpStatus.CONFLICT,
                    "Image deleted", "Image " + id + " was deleted; register the cloud image again instead.",
                    Map.of("imageId", id)));
        }
        Set<Protocol> chosen = protocols(changes.protocolIds());
        image.changeProtocols(chosen, defaultProtocol(changes.defaultProtocolId(), chosen));
        image.describe(changes.name(), changes.version(), changes.description(), changes.icon());
        image.configure(changes.bootScript(), changes.policy(), changes.isVisible());
        audit.success(actor, "admin.image.update", "image", id, image.getName() + " " + image.getVersion()
                + (image.isVisible() ? "" : " (hidden)"));
        return ImageView.of(image, null);
    }

    @Transactional
    public Withdrawal delete(CurrentUser actor, Long id) {
        Image image = find(id);
        image.delete();
        List<Long> withdrawn = plans.findByImageIdAndDeletedFalse(id).stream().map(plan -> {
            plan.delete();
            return plan.getId();
        }).toList();
        Withdrawal withdrawal = Withdrawal.of(id, "Image '" + image.getName() + "'", instances.countAliveWithImage(id),
                withdrawn);
        audit.success(actor, "admin.image.delete", "image", id, withdrawal.message());
        return withdrawal;
    }

    private Image find(Long id) {
        return images.findById(id).orElseThrow(() -> new NotFoundException("image", id));
    }

    private Set<Protocol> protocols(List<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        List<Protocol> found = protocols.findAllById(wanted);
        if (found.size() < wanted.size()) {
            found.forEach(p -> wanted.remove(p.getId()));
            throw new FieldException("protocolIds", "unknown protocol id(s) " + wanted
                    + "; see GET /api/admin/protocols");
        }
        return new HashSet<>(found);
    }

    private static Protocol defaultProtocol(Long id, Set<Protocol> chosen) {
        if (id == null) {
            return null;
        }
        Protocol chosenDefault = chosen.stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow(
                () -> new FieldException("defaultProtocolId", "must be one of protocolIds"));
        if (!chosenDefault.getKind().isConnectable()) {
            throw new FieldException("defaultProtocolId", "must be a desktop or notebook protocol, not "
                    + chosenDefault.getKind());
        }
        return chosenDefault;
    }
}
