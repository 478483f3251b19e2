package io.orderflow.order.order.web;

/** A request parameter or field that breaks the API's rules: 400 with the code and a message naming it. */
class InvalidRequestException extends RuntimeException {

    private final String code;

    InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    static InvalidRequestException field(String field, String problem) {
        return new InvalidRequestException("FIELD_INVALID", field + " " + problem);
    }

    String code() {
        return code;
    }
}
