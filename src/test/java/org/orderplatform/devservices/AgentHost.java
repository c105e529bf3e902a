package org.orderplatform.devservices;

/** A stand-in for the server JVM in {@link DevServicesAgentIT}: it carries the agent and waits to be stopped. */
public final class AgentHost {

    private AgentHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("host running");
        Thread.sleep(Long.MAX_VALUE);
    }
}
