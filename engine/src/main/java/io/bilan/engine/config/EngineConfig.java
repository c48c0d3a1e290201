package io.bilan.engine.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The engine's settings, under {@code bilan.*} (environment: {@code BILAN_*}). */
@ConfigMapping(prefix = "bilan")
public interface EngineConfig {

    /** The folder of the embedded database, used by the default {@code quarkus.datasource.jdbc.url}. */
    @WithDefault("./data")
    Path dataDir();

    /** The instrument catalogue. */
    Catalog catalog();

    /** Per-call limits of scoring scripts. */
    Sandbox sandbox();

    /** The occupation catalogue careers are matched to. */
    Occupations occupations();

    /** Limits on what clients send. */
    Limits limits();

    /** Authentication of callers. */
    Auth auth();

    /** Bilan cases. */
    Cases cases();

    /** How erased data is made unreadable. */
    Erasure erasure();

    /**
     * A folder of Java scorer plugins ({@code *.jar}), each loaded in a class loader of its own that shares only the
     * SDK API; a jar that fails to load is logged and fails only the instruments naming its scorers.
     */
    java.util.Optional<Path> pluginsFolder();

    interface Cases {
        /** When the follow-up is due after the conclusion, unless the counsellor sets the date. */
        @WithDefault("P6M")
        java.time.Period followUpAfter();

        /** How long a closed case is kept before it is erased with everything of it. */
        @WithDefault("P1Y")
        java.time.Period retention();

        /** When the erasure of expired cases runs (Quartz-style cron). */
        @WithDefault("0 30 3 * * ?")
        String purgeCron();
    }

    interface Erasure {
        /**
         * The folder of the keys personal data is sealed with, one file per case, destroyed when the case is erased
         * (by default {@code <data-dir>/keyring}). Outside the database on purpose: never back it up with the
         * database, and share it between the instances of one database.
         */
        java.util.Optional<Path> keyringDir();
    }

    interface Auth {
        /**
         * How long a checked API key is trusted without looking at the database again: a key revoked on another
         * instance of the engine stops working there within this time.
         */
        @WithDefault("30s")
        Duration keyCacheTtl();

        /**
         * How many checked API keys are kept in memory at most; beyond, some are dropped and read again when used.
         * Only keys that exist are ever kept, so callers without credentials cannot fill it.
         */
        @WithDefault("10000")
        int keyCacheSize();

        /**
         * The shortest time between two looks at the database for API keys this instance does not know, such as one
         * just created on another instance: such a key works here at most this long after it was created, and keys
         * nobody created cost one database read per this time at most, however many are presented.
         */
        @WithDefault("1s")
        Duration keyLookupInterval();

        /** The claim of an identity provider's token that names the caller's centre. */
        @WithDefault("centre")
        String centreClaim();
    }

    interface Catalog {
        /**
         * Folders whose packages (each sub-folder holding a {@code manifest.json}, or a {@code .zip}) are published
         * at start-up when the catalogue does not hold them yet. Relative paths resolve against the working folder.
         */
        @WithDefault("instruments")
        List<Path> folders();

        /**
         * Whether the packages of the folders are published at start-up. The engine's commands ({@code create-admin-key},
         * {@code create-admin}) turn it off: they use the database and stop at once.
         */
        @WithDefault("true")
        boolean publishAtStart();

        /** Languages every published package must be written in. */
        @WithDefault("fr,en")
        List<String> requiredLanguages();

        /**
         * A list of packages whose fixtures passed under a given runtime ({@code <digest> <runtime identity>} per
         * line): a package of the folders listed with this runtime's identity is published at start-up without
         * running its fixtures again, everything else being checked. The build writes one for the shipped packages
         * (its first start of the engine ran their fixtures), and the launcher passes it.
         */
        java.util.Optional<Path> fixturesPassed();

        /**
         * Memory the loaded instruments may take, each counted as its package's bytes plus 64 KiB: beyond, the least
         * recently used are dropped and loaded again from the database when next used. A package larger than this is
         * loaded for each use and never kept.
         */
        @WithDefault("256M")
        MemorySize loadedBudget();

        /** What one publisher may store; admins and the engine's own start-up publication are not held to it. */
        Quota quota();

        interface Quota {
            /** Most versions (of all its instruments) one publisher may have in the catalogue. */
            @WithDefault("200")
            int maxVersionsPerPublisher();

            /** Most bytes of stored packages one publisher may have in the catalogue. */
            @WithDefault("200M")
            MemorySize maxBytesPerPublisher();
        }
    }

    interface Occupations {
        /**
         * Where occupations come from, combined in order (a later source replaces an occupation with the same
         * id): {@code built-in}, {@code onet:<folder>} (the O*NET database's text files), {@code esco:<folder>} (the
         * ESCO classification's CSV files, after a source to borrow figures from), {@code csv:<file>} or
         * {@code json:<file>} (a centre's own catalogue, see docs/occupations.md).
         */
        @WithDefault("built-in")
        List<String> sources();
    }

    interface Sandbox {
        /** Most JavaScript statements one scoring call may run. */
        @WithDefault("1000000")
        long statementLimit();

        /** Longest wall-clock time of one scoring call. */
        @WithDefault("500ms")
        Duration timeLimit();

        /** Most bytes one scoring call may allocate. */
        @WithDefault("256M")
        MemorySize maxAllocated();

        /** Longest string a script may build, in characters. */
        @WithDefault("1000000")
        int maxStringLength();

        /** Longest array a script may build. */
        @WithDefault("1000000")
        int maxArrayLength();

        /**
         * Idle JavaScript contexts kept per script. Preparing a context takes tens of milliseconds, so keep about
         * as many as requests may score one instrument at once (the worker threads).
         */
        @WithDefault("64")
        int maxIdleContexts();

        /**
         * How many scoring calls may run scripts at once; a call waits up to the time limit for its turn, then fails
         * with 503. By default as many as fit in half the heap at max-allocated each (and at most
         * max-idle-contexts), so scripts cannot exhaust the memory the rest of the engine needs.
         */
        java.util.Optional<Integer> maxConcurrentCalls();
    }

    interface Limits {
        /** Largest package zip that can be published. */
        @WithDefault("10M")
        MemorySize maxPackageSize();

        /** Largest JSON document (a response set) sent to a single-document endpoint. */
        @WithDefault("1M")
        MemorySize maxDocumentSize();

        /** Most rows of a data set whose statistics are computed: they hold every row's item values in memory. */
        @WithDefault("200000")
        long maxStatisticsRows();
    }
}
