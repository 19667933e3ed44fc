package org.mash.kafka;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Makes the broker's topics, users and ACLs what {@link KafkaAccess} says, as its super user: creates the topics
 * that are missing, sets each service's SCRAM password, adds the ACLs that are missing and removes a service's ACLs
 * that the definition no longer gives. Safe to run on every start.
 *
 * <p>Run by {@link KafkaBroker} as a child JVM on the broker's classpath (the launcher itself needs no Kafka
 * classes). Reads its input on standard input, so no password shows in a process list: the bootstrap servers, the
 * super user's password, a prefix of scratch topics every service may use ({@code -} for none: only test brokers
 * have one, for tests of the relay's mechanics), then a {@code principal=password} line per service.
 */
public final class KafkaAccessSetup {

    private KafkaAccessSetup() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String bootstrap = in.readLine();
        String adminPassword = in.readLine();
        String scratch = in.readLine();
        Optional<String> scratchPrefix = "-".equals(scratch) ? Optional.empty() : Optional.of(scratch);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int eq = line.indexOf('=');
            passwords.put(line.substring(0, eq), line.substring(eq + 1));
        }
        Map<String, Object> config = new HashMap<>(KafkaAccess.clientProperties(bootstrap, KafkaAccess.ADMIN, adminPassword));
        config.put("client.id", "mash-access-setup");
        try (Admin admin = Admin.create(config)) {
            createTopics(admin);
            setPasswords(admin, passwords);
            int[] changed = syncAcls(admin, scratchPrefix);
            System.out.printf("Kafka access: %d topics, %d principals, %d ACLs added, %d removed%n",
                    KafkaAccess.topics().size(), passwords.size(), changed[0], changed[1]);
        }
    }

    private static void createTopics(Admin admin) throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = KafkaAccess.topics().stream().filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void setPasswords(Admin admin, Map<String, String> passwords) throws InterruptedException, ExecutionException {
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        passwords.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)));
        if (!upserts.isEmpty()) {
            admin.alterUserScramCredentials(upserts).all().get();
        }
    }

    /** Adds what is missing and removes what a service no longer has; returns {added, removed}. */
    private static int[] syncAcls(Admin admin, Optional<String> scratchPrefix) throws InterruptedException, ExecutionException {
        Set<AclBinding> wanted = new HashSet<>(bindings());
        scratchPrefix.ifPresent(prefix -> KafkaAccess.principals().forEach(p -> {
            for (AclOperation op : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE)) {
                wanted.add(allow(ResourceType.TOPIC, prefix, PatternType.PREFIXED, "User:" + p, op));
            }
        }));
        Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values().get();
        Set<String> managed = new HashSet<>();
        KafkaAccess.principals().forEach(p -> managed.add("User:" + p));
        List<AclBindingFilter> stale = existing.stream()
                .filter(b -> managed.contains(b.entry().principal()) && !wanted.contains(b))
                .map(AclBinding::toFilter).toList();
        List<AclBinding> missing = wanted.stream().filter(b -> !existing.contains(b)).toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get();
        }
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get();
        }
        return new int[] {missing.size(), stale.size()};
    }

    /** The ACLs {@link KafkaAccess} gives: READ or WRITE per topic (each implies DESCRIBE), READ on the groups' prefix. */
    static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (KafkaAccess.Grant grant : KafkaAccess.grants().values()) {
            String principal = "User:" + grant.principal();
            grant.reads().forEach(topic -> bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, principal, AclOperation.READ)));
            grant.writes().forEach(topic -> bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, principal, AclOperation.WRITE)));
            bindings.add(allow(ResourceType.GROUP, grant.groupPrefix(), PatternType.PREFIXED, principal, AclOperation.READ));
        }
        return bindings;
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
