package org.mash.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.mash.localstack.LocalStack;

/** The running system for the end-to-end tests: started once, on free ports and throw-away databases. */
final class MashSystem {

    private static LocalStack stack;

    private MashSystem() {
    }

    static synchronized LocalStack start() {
        if (stack == null) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            LocalStack.SERVICES.forEach(s -> ports.put(s.name(), freePort()));
            Path root = Path.of(System.getProperty("mash.root", "../.."));
            Path state = Path.of(System.getProperty("mash.e2e.state", "target/e2e-state"));
            LocalStack.Options options = new LocalStack.Options(root, state, freePort(), freePort(), freePort(), freePort(),
                    ports, "_e2e_" + UUID.randomUUID().toString().substring(0, 6), false, "127.0.0.1", 5432, "postgres", "");
            stack = LocalStack.start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(MashSystem::stop));
        }
        return stack;
    }

    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack.dropDatabases();
            stack = null;
        }
    }

    /** Bootstrap servers and the sign-in of a Kafka principal of this run: {@code admin} or a service's name. */
    static Map<String, String> kafkaAs(String principal) {
        return stack.kafkaClientProperties(principal);
    }

    /** The database of a service in this run (also the name of the role the service connects as). */
    static String database(String service) {
        return stack.options().database(LocalStack.SERVICES.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow());
    }

    static String url(String service) {
        return stack.options().serviceUrl(service);
    }

    static String keycloakUrl() {
        return stack.options().keycloakUrl();
    }

    static Path log(String name) {
        return stack.options().logDir().resolve(name + ".log");
    }

    /** A real access token from Keycloak (password grant on the public mash-cli client). */
    static String token(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "mash-cli")
                .formParam("username", username).formParam("password", "demo")
                .post(stack.options().keycloakUrl() + "/realms/mash/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * Ends every Keycloak session of a user (the admin API's logout), as the session's expiry or a sign-out elsewhere
     * does: their next sign-in needs their password again.
     */
    static void endSessionsOf(String username) {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(stack.options().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(stack.options().keycloakUrl() + "/admin/realms/mash/users").then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(admin).post(stack.options().keycloakUrl() + "/admin/realms/mash/users/" + id + "/logout")
                .then().statusCode(204);
    }

    static RequestSpecification as(String username) {
        return given().auth().oauth2(token(username));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
