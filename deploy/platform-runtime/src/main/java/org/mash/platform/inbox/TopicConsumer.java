package org.mash.platform.inbox;

import java.util.Set;

/**
 * An {@link EventConsumer} described by what it is: its name in the inbox, the topics it reads and the event types it
 * acts on. A service's consumer extends it and writes only {@code apply} and its {@code @Incoming} methods.
 */
public abstract class TopicConsumer implements EventConsumer {

    private final String name;
    private final Set<String> topics;
    private final Set<String> types;

    /** For the container's client proxies of application-scoped consumers only; never called otherwise. */
    protected TopicConsumer() {
        this("", Set.of(), Set.of());
    }

    protected TopicConsumer(String name, Set<String> topics, Set<String> types) {
        this.name = name;
        this.topics = Set.copyOf(topics);
        this.types = Set.copyOf(types);
    }

    @Override
    public String name() {
        return name;
    }

    /** The topics it reads; its Kafka consumer group is its {@link #name()}. */
    public Set<String> topics() {
        return topics;
    }

    @Override
    public boolean reads(String topic) {
        return topics.contains(topic);
    }

    @Override
    public boolean handles(String type) {
        return types.contains(type);
    }
}
