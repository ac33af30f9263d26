package org.radpair.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TsvReaderTest {

    @Test
    void aRowWithTheWrongColumnCountFailsTheLoadNamingFileAndLine() {
        assertThatThrownBy(() -> TsvReader.read("/tsv/short_row.tsv", row -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/tsv/short_row.tsv")
                .hasMessageContaining("data line 2")
                .hasMessageContaining("2 columns where the header has 3");
    }

    @Test
    void emptyCellsAreKeptAsEmptyStrings() {
        List<String[]> rows = new ArrayList<>();
        TsvReader.read("/tsv/empty_cells.tsv", row -> rows.add(new String[] {row.get("a"), row.get("b"), row.get("c")}));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("1", "", "");
    }

    @Test
    void columnsAreReadByTheHeadersNamesWhateverTheirOrder() {
        List<String> values = new ArrayList<>();
        TsvReader.read("/tsv/reordered.tsv", row -> values.add(row.get("code") + "=" + row.get("label") + ":" + row.list("regions")));
        assertThat(values).containsExactly("70450=head CT:[HEAD, NECK]");
    }

    @Test
    void aColumnTheHeaderLacksFailsTheLoadNamingTableAndColumns() {
        assertThatThrownBy(() -> TsvReader.read("/tsv/reordered.tsv", row -> row.get("modality")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/tsv/reordered.tsv")
                .hasMessageContaining("no column \"modality\"")
                .hasMessageContaining("[label, regions, code]");
    }

    @Test
    void aMissingTableFailsWithItsName() {
        assertThatThrownBy(() -> TsvReader.read("/tsv/none.tsv", row -> { }))
                .hasMessageContaining("/tsv/none.tsv");
    }
}
