package org.orderplatform.processing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** This replica's name in logs and job claims: the pod name (HOSTNAME) in Kubernetes, else the host name. */
final class ReplicaName {

    private ReplicaName() {
    }

    static String get() {
        return Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "replica";
            }
        }) + ":" + ProcessHandle.current().pid();
    }
}
