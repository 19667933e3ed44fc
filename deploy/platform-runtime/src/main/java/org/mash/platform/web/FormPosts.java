package org.mash.platform.web;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/** The one way a page's form is carried out (post, redirect, get). */
public final class FormPosts {

    private FormPosts() {
    }

    /**
     * Runs one of the API's operations for a form: done, the browser is sent on to {@code then} (303, so a reload
     * does not send the form again); refused (a value the API refuses, a conflict, a rule of the domain), the page is
     * shown again with the problem beside the fields, with the problem's status. Any other failure answers as an
     * error does.
     */
    public static <T> Uni<Response> submit(Supplier<Uni<T>> operation, Function<T, String> then,
                                           Function<Feedback, Uni<Response>> showAgain) {
        return Uni.createFrom().<T>deferred(operation::get)
                .map(result -> Response.seeOther(URI.create(then.apply(result))).build())
                .onFailure(failure -> Feedback.of(failure).isPresent())
                .recoverWithUni(failure -> showAgain.apply(Feedback.of(failure).orElseThrow()));
    }

    /** A page's address with the message that says what was done. */
    public static String done(String page, String message) {
        return page + "?done=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
    }
}
