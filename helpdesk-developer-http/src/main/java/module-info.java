/**
 * A {@link dev.helpdesk.spi.problem.DeveloperBridge} that posts problems as JSON to an HTTP
 * endpoint of the product's issue tracker, and reads the tracker's status updates. Depends on the
 * contract, the JDK's HTTP client and the SLF4J API only.
 */
module dev.helpdesk.developer.http {
    requires transitive dev.helpdesk.spi;
    requires java.net.http;
    requires org.slf4j;

    exports dev.helpdesk.developer.http;
}
