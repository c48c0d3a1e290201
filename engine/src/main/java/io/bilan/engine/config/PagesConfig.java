package io.bilan.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The pages people use in a browser, under {@code bilan.pages.*} (environment: {@code BILAN_PAGES_*}). */
@ConfigMapping(prefix = "bilan.pages")
public interface PagesConfig {

    /** How long an invitation link can be opened after it was created, unless the counsellor says otherwise. */
    @WithDefault("P14D")
    Duration invitationLifetime();

    /** How long a browser session lasts from the opening of the link: the person comes back to finish within it. */
    @WithDefault("P30D")
    Duration sessionLifetime();

    /**
     * The address the engine is reached at, which invitation links start with ({@code https://bilan.example.org});
     * absent, the API answers the link's path and the counsellor's client puts its own host in front.
     */
    java.util.Optional<String> publicUrl();

    /** The package folder of an author's preview ({@code bilan preview <folder>}); absent, there is no preview. */
    java.util.Optional<java.nio.file.Path> previewFolder();
}
