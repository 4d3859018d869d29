package io.cutroom.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the catalog lives: a SQLite file in the data folder (the default, for one workstation), or a database on
 * a PostgreSQL server that several workstations share. The choice comes from {@code CUTROOM_CATALOG} (or
 * {@code -Dcutroom.catalog}), else from the studio's setting in the data folder, else the SQLite file.
 */
public sealed interface CatalogLocation {
    String ENVIRONMENT = "CUTROOM_CATALOG";
    String PROPERTY = "cutroom.catalog";
    /** The studio's saved choice, in the data folder: {@code catalog=postgresql://...}. */
    String SETTINGS_FILE = "catalog.properties";

    /** Where the catalog is, in words a user knows, never with a password. */
    String describe();

    /** The catalog file in a data folder. */
    record Embedded(Path dataFolder) implements CatalogLocation {
        public Path file() {
            return dataFolder.resolve(CatalogDb.FILE_NAME);
        }

        @Override
        public String describe() {
            return file().toString();
        }
    }

    /**
     * A database on a PostgreSQL server. {@code options} are the URL's other parameters, passed on to the driver
     * (for example {@code sslmode}). The password is not part of it: it comes from {@code PGPASSWORD} or
     * {@code ~/.pgpass}.
     */
    record Shared(String host, int port, String database, String user, Map<String, String> options)
            implements CatalogLocation {
        public static final int DEFAULT_PORT = 5432;

        public Shared {
            options = Map.copyOf(options);
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
        }

        /** The URL as a user writes it, which {@link #parse} reads back. */
        public String url() {
            StringBuilder url = new StringBuilder("postgresql://" + (host.contains(":") ? "[" + host + "]" : host)
                    + ":" + port + "/" + database + "?user=" + user);
            options.forEach((k, v) -> url.append('&').append(k).append('=').append(v));
            return url.toString();
        }

        @Override
        public String describe() {
            return "the PostgreSQL database " + database + " on " + host + ":" + port + " (as " + user + ")";
        }
    }

    /** The catalog for a data folder: a shared one if the environment or the studio's setting names one. */
    public static CatalogLocation in(Path dataFolder) {
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null || chosen.isBlank()) chosen = System.getenv(ENVIRONMENT);
        if (chosen == null || chosen.isBlank()) chosen = savedChoice(dataFolder);
        return chosen == null || chosen.isBlank() || chosen.strip().equalsIgnoreCase("sqlite")
                ? new Embedded(dataFolder) : parse(chosen.strip());
    }

    /** Saves the studio's choice of catalog for the next start; {@code null} goes back to the SQLite file. */
    public static void saveChoice(Path dataFolder, Shared shared) {
        Path file = dataFolder.resolve(SETTINGS_FILE);
        try {
            Files.createDirectories(dataFolder);
            if (shared == null) {
                Files.deleteIfExists(file);
                return;
            }
            Path temp = Files.createTempFile(dataFolder, SETTINGS_FILE, ".part");
            Files.writeString(temp, "# Which catalog the studio opens (written by Cutroom)\ncatalog=" + shared.url() + "\n");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CatalogException("The choice of catalog could not be saved in " + dataFolder + ".", e);
        }
    }

    private static String savedChoice(Path dataFolder) {
        Path file = dataFolder.resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(file)) return null;
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(in);
        } catch (IOException e) {
            throw new CatalogException("The catalog setting in " + file + " could not be read.", e);
        }
        return settings.getProperty("catalog");
    }

    /**
     * Reads {@code postgresql://HOST[:PORT]/DB?user=NAME[&option=value]}. A password in the URL is refused: it would
     * be kept in settings and shown in messages.
     */
    public static Shared parse(String url) {
        URI uri;
        try {
            uri = new URI(url.startsWith("jdbc:") ? url.substring(5) : url);
        } catch (URISyntaxException e) {
            throw new CatalogException("The catalog address " + url + " is not a URL like postgresql://HOST:PORT/DB?user=NAME.");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw new CatalogException("Cutroom can share a catalog on PostgreSQL only: write postgresql://HOST:PORT/DB?user=NAME"
                    + " (or sqlite for the file in the data folder).");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new CatalogException("The catalog address " + url + " needs a server and a database: postgresql://HOST:PORT/DB?user=NAME.");
        }
        if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
            throw new CatalogException("Leave the password out of the catalog address: put it in PGPASSWORD or ~/.pgpass.");
        }
        Map<String, String> options = new LinkedHashMap<>();
        String user = uri.getUserInfo();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("password")) {
                    throw new CatalogException("Leave the password out of the catalog address: put it in PGPASSWORD or ~/.pgpass.");
                }
                if (key.equals("user")) user = value; else options.put(key, value);
            }
        }
        if (user == null || user.isBlank()) {
            throw new CatalogException("The catalog address " + url + " needs a user: add ?user=NAME.");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new Shared(host, uri.getPort() < 0 ? Shared.DEFAULT_PORT : uri.getPort(), uri.getPath().substring(1), user, options);
    }
}
