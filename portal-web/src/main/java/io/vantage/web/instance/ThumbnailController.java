package io.vantage.web.instance;

import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.tunnel.Thumbnails;

/** The desktop thumbnail on dashboard cards. */
@Controller
class ThumbnailController {

    private final Thumbnails thumbnails;

    ThumbnailController(Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
    }

    @GetMapping("/instances/{uid}/thumbnail.png")
    ResponseEntity<byte[]> thumbnail(CurrentUser user, @PathVariable String uid) {
        return thumbnails.of(user, uid)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(30, TimeUnit.SECONDS).cachePrivate()).body(png))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
