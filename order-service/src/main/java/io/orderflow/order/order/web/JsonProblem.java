package io.orderflow.order.order.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;

/** Names the JSON field that could not be read, when Jackson knows it. */
final class JsonProblem {

    private JsonProblem() {
    }

    static String describe(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var reference : databind.getPath()) {
                if (reference.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                }
            }
            return path + " has the wrong type or format";
        }
        return "malformed JSON";
    }
}
