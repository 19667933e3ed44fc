package org.mash.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Optional;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;
import org.mash.platform.problem.ProblemMappers;

/**
 * What a page says after a form: what was done, or the problem the API would have answered, with each field's
 * message to show beside that field (the same words as the API's problem).
 */
@io.quarkus.qute.TemplateData
public record Feedback(String done, Problem problem, String form) {

    public static final Feedback NONE = new Feedback(null, null);

    public Feedback(String done, Problem problem) {
        this(done, problem, null);
    }

    /**
     * The same feedback, about one of several alike forms on a page (e.g. one per child): the page shows the field
     * messages beside that form's fields only ({@link #isAbout}).
     */
    public Feedback about(Object which) {
        return new Feedback(done, problem, which == null ? null : which.toString());
    }

    /** Whether this is about that form; feedback about no form in particular is about every form. */
    public boolean isAbout(Object which) {
        return form == null || which != null && form.equals(which.toString());
    }

    public static Feedback done(String what) {
        return new Feedback(what, null);
    }

    /**
     * The problem a form's failure is to the person who sent it (a refused value, a conflict, a rule of the domain),
     * or empty for a failure that is not theirs to mend (it then answers as any other error).
     */
    public static Optional<Feedback> of(Throwable failure) {
        if (failure instanceof ProblemException p) {
            return Optional.of(new Feedback(null, p.problem()));
        }
        if (failure instanceof ConstraintViolationException c) {
            return Optional.of(new Feedback(null, ProblemMappers.problemOf(c)));
        }
        return Optional.empty();
    }

    /** A form field that could not be read as its type (a choice not on the list, a date that is not one). */
    public static ProblemException unreadable(String field, String message) {
        return ProblemException.invalid(List.of(new Problem.FieldError(field, "format", message)));
    }

    public int status() {
        return problem == null ? 200 : problem.status();
    }

    /** The message for a field of a map's entry ({@code children[<key>].rationale}), or null. */
    public String errorAt(String map, Object key, String field) {
        return error(map + "[" + key + "]" + (field == null || field.isEmpty() ? "" : "." + field));
    }

    /** The message for one field (its API name, e.g. {@code rationale} or {@code children[0].dateOfBirth}), or null. */
    public String error(String field) {
        if (problem == null || problem.errors() == null) {
            return null;
        }
        return problem.errors().stream().filter(e -> e.field().equals(field)
                        // a nested field named by its last part, never one of a list's or a map's entries
                        || e.field().endsWith("." + field) && !e.field().contains("["))
                .map(Problem.FieldError::message).findFirst().orElse(null);
    }

    /** What the page says at the top: the problem's detail and any field message not shown beside a field. */
    public String summary() {
        return problem == null ? null : problem.detail();
    }
}
