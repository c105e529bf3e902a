package bench.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * The framework floor (scenario a0): the least a JAX-RS endpoint on this Liberty costs - one GET answering a small
 * JSON object, with nothing behind it. Deployed alone on a server with the platform's runtime, JVM options and
 * HTTP settings (bench/floor/server.xml), it tells what the platform's own requests may hope for.
 */
@ApplicationPath("/")
public class Floor extends Application {

    @Path("floor")
    public static class FloorResource {

        public record Status(String status) {
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Status get() {
            return new Status("UP");
        }
    }
}
