package io.bilan.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Staff accounts and their sessions in the pages, under {@code bilan.staff.*} (environment: {@code BILAN_STAFF_*}). */
@ConfigMapping(prefix = "bilan.staff")
public interface StaffConfig {

    /** How long a staff session lasts at most after signing in, however active it is. */
    @WithDefault("PT10H")
    Duration sessionLifetime();

    /** How long a staff session lasts without a request: a workstation left alone is signed out. */
    @WithDefault("PT1H")
    Duration sessionIdle();

    /** How many failed sign-ins an account takes within {@link #failureWindow()} before it refuses any. */
    @WithDefault("5")
    int maxFailuresPerAccount();

    /** How many failed sign-ins one network address makes within {@link #failureWindow()}, whatever the accounts. */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** How long a failed sign-in counts against its account and its address. */
    @WithDefault("PT15M")
    Duration failureWindow();

    /** The shortest password a person may choose. */
    @WithDefault("12")
    int minPasswordLength();
}
