package org.radpair.api.x12;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

/**
 * Reads an X12 interchange with StAEDI, which honours the delimiters the ISA segment declares
 * (element, component, repetition, segment terminator) and checks the envelopes (ISA/GS/ST … SE/GE/IEA),
 * and hands each segment on as it ends: the interchange is never held whole.
 */
final class X12Reader {

    private static final EDIInputFactory FACTORY = EDIInputFactory.newFactory();

    static {
        FACTORY.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
    }

    private X12Reader() {
    }

    /** Calls {@code segments} for every segment in order; throws {@link X12SyntaxException} on the first syntax error. */
    static void read(InputStream input, Consumer<X12Segment> segments) {
        String tag = null;
        int position = 0;
        List<List<String>> elements = null;
        List<String> composite = null;
        try (EDIStreamReader reader = FACTORY.createEDIStreamReader(input)) {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        position = reader.getLocation().getSegmentPosition();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> composite = new ArrayList<>();
                    case END_COMPOSITE -> {
                        if (elements != null && composite != null) {
                            pad(elements, reader.getLocation().getElementPosition() - 1);
                            elements.add(List.copyOf(composite));
                        }
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            composite.add(reader.getText());
                        } else if (elements != null) {
                            pad(elements, reader.getLocation().getElementPosition() - 1);
                            elements.add(List.of(reader.getText()));
                        }
                    }
                    case END_SEGMENT -> {
                        if (tag != null) {
                            segments.accept(new X12Segment(tag, position, List.copyOf(elements)));
                        }
                        tag = null;
                        elements = null;
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location at = reader.getLocation();
                        throw new X12SyntaxException(at.getSegmentPosition(), at.getSegmentTag(),
                                describe(reader) + " in segment " + at.getSegmentTag() + " at position "
                                        + at.getSegmentPosition()
                                        + (at.getElementPosition() > 0 ? ", element " + at.getElementPosition() : ""),
                                null);
                    }
                    default -> { }
                }
            }
        } catch (EDIStreamException e) {
            Location at = e.getLocation();
            int segment = at == null ? position : Math.max(at.getSegmentPosition(), 0);
            String segmentTag = at == null ? tag : at.getSegmentTag();
            throw new X12SyntaxException(segment, segmentTag, "Not a valid X12 interchange near segment " + segment
                    + (segmentTag == null ? "" : " (" + segmentTag + ")")
                    + ": the envelope (ISA/GS/ST … SE/GE/IEA) or the delimiters it declares cannot be read.", e);
        } catch (IOException e) {
            throw new X12SyntaxException(position, tag, "The interchange could not be read.", e);
        } catch (X12SyntaxException | X12Resource.TooManyClaims passOn) {
            throw passOn;
        } catch (RuntimeException e) {
            throw new X12SyntaxException(position, tag, "Not a valid X12 interchange near segment " + position
                    + (tag == null ? "" : " (" + tag + ")") + ".", e);
        }
    }

    private static String describe(EDIStreamReader reader) {
        String error = reader.getErrorType() == null ? "syntax error" : reader.getErrorType().name().toLowerCase().replace('_', ' ');
        String text = reader.getText();
        return error.substring(0, 1).toUpperCase() + error.substring(1) + (text == null || text.isEmpty() ? "" : " ('" + text + "')");
    }

    /** Empty elements are not reported as data; keep element numbers aligned with the guides. */
    private static void pad(List<List<String>> elements, int upTo) {
        while (elements.size() < upTo) {
            elements.add(List.of(""));
        }
    }
}
