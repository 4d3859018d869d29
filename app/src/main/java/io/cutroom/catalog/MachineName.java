package io.cutroom.catalog;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This machine's name, as written beside a job's process id: on a shared catalog a process id names a process only
 * on the machine that started it. {@code -Dcutroom.machine} overrides it, so several nodes on one machine can be
 * told apart in tests.
 */
public final class MachineName {
    public static final String PROPERTY = "cutroom.machine";
    private static final String NAME = lookUp();

    private MachineName() {
    }

    public static String get() {
        String chosen = System.getProperty(PROPERTY);
        return chosen != null && !chosen.isBlank() ? chosen : NAME;
    }

    private static String lookUp() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) return value;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this machine";
        }
    }
}
