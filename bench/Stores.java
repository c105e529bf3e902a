/**
 * Keeps the benchmark's PostgreSQL and Redis running: the dev-services agent, attached to this tiny JVM, starts them
 * (real PostgreSQL 17 and Redis from embedded binaries, as in the local run, with durable settings) and stops them
 * when this JVM ends (SIGTERM, which bench/run sends when it is done). The servers under test then use them as external
 * stores, as in production, and their memory figures count only themselves. Started by bench/run:
 *
 * <pre>java -javaagent:target/order-platform-dev-services.jar=DATA_DIR,pg=PORT,redis=PORT bench/Stores.java</pre>
 */
public class Stores {

    public static void main(String[] args) throws InterruptedException {
        System.out.println("stores ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
