package org.orderplatform.kubernetes;

import java.nio.file.Path;

/**
 * One way to deploy the platform: an overlay of {@code kubernetes/overlays}, or the base with a choice of
 * components (see {@link Variants}). {@link #render()} is what {@code kubectl apply -k} would send.
 */
public record Variant(String name, Path directory) {

    public Rendering render() {
        return Rendering.of(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
