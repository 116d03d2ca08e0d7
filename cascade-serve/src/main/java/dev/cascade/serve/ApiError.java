package dev.cascade.serve;

/**
 * A request the API refuses: its HTTP status, the request field at fault (null when the request as
 * a whole is), and a one-line message. Sent as {@code {"error": ..., "field": ...}}.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;

  ApiError(int status, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  static ApiError badRequest(String field, String message) {
    return new ApiError(400, field, message);
  }

  static ApiError notFound(String field, String message) {
    return new ApiError(404, field, message);
  }

  static ApiError conflict(String message) {
    return new ApiError(409, null, message);
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }
}
