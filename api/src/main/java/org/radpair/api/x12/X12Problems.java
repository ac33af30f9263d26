package org.radpair.api.x12;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.radpair.api.problem.Problem;
import org.radpair.api.problem.ProblemMappers;

/** The X12 endpoint's own failures as problem+json: here, so that the problem package needs to know nothing of X12. */
public class X12Problems {

    @ServerExceptionMapper(priority = 1)
    public Response x12Syntax(X12SyntaxException e) {
        Problem problem = new Problem("https://radpair.org/problems/invalid-x12", "Invalid X12 interchange", 400,
                e.getMessage(), List.of(new Problem.FieldError(
                        "segment " + e.segmentPosition() + (e.segmentTag() == null ? "" : " (" + e.segmentTag() + ")"),
                        e.getMessage())));
        return ProblemMappers.respond(problem);
    }

    @ServerExceptionMapper(priority = 1)
    public Response tooManyClaims(X12Resource.TooManyClaims e) {
        return ProblemMappers.respond(Problem.of(413, "interchange-too-large", "Interchange too large", e.getMessage()));
    }
}
