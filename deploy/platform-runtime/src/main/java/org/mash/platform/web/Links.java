package org.mash.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The links between the services' pages, for the templates ({@code inject:links}). */
@Named("links")
@ApplicationScoped
public class Links {

    private final PagesConfig config;

    public Links(PagesConfig config) {
        this.config = config;
    }

    public String contacts() {
        return config.contactsUrl() + "/ui/contacts";
    }

    public String newContact() {
        return config.contactsUrl() + "/ui/contacts/new";
    }

    public String queue() {
        return config.triageUrl() + "/ui/queue";
    }

    public String checks() {
        return config.triageUrl() + "/ui/checks";
    }

    public String triageCase(Object id) {
        return config.triageUrl() + "/ui/cases/" + id;
    }

    public String returns() {
        return config.triageUrl() + "/ui/returns";
    }

    public String discussions() {
        return config.strategyUrl() + "/ui/discussions";
    }

    public String discussion(Object id) {
        return config.strategyUrl() + "/ui/discussions/" + id;
    }

    public String deadlines() {
        return config.strategyUrl() + "/ui/deadlines";
    }

    public String dashboard() {
        return config.metricsUrl() + "/ui/dashboard";
    }
}
