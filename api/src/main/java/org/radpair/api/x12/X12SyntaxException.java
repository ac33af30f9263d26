package org.radpair.api.x12;

/** The interchange is not valid X12: answered 400, naming the segment position and what is wrong. */
public class X12SyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int segmentPosition;
    private final String segmentTag;

    public X12SyntaxException(int segmentPosition, String segmentTag, String message, Throwable cause) {
        super(message, cause);
        this.segmentPosition = segmentPosition;
        this.segmentTag = segmentTag;
    }

    public int segmentPosition() {
        return segmentPosition;
    }

    public String segmentTag() {
        return segmentTag;
    }
}
