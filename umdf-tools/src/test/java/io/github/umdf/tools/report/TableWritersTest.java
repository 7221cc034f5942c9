package io.github.umdf.tools.report;

import io.github.umdf.tribuo.evaluation.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden outputs of every renderer for one tiny table with each kind of cell. */
class TableWritersTest {

    static ResultTable tiny() {
        List<Metric> metrics = List.of(Metric.MAE, Metric.F1_NON0);
        return new ResultTable("Tiny", null,
                List.of(new ResultTable.ColumnGroup("{l,a}", metrics), new ResultTable.ColumnGroup("Avg.", metrics)),
                List.of(
                        new ResultTable.Row("UMDF", null, List.of(
                                Cell.of(new SeedSummary(0.8321, 0.0104, 3)),
                                Cell.of(new SeedSummary(82.924, 0.5, 3)),
                                Cell.of(new SeedSummary(0.9, Double.NaN, 1)),
                                Cell.NOT_APPLICABLE)),
                        new ResultTable.Row("Trans_M & Co", null, List.of(
                                Cell.MISSING,
                                Cell.of(new SeedSummary(-0.001, 0.001, 2)),
                                Cell.NOT_APPLICABLE,
                                Cell.of(new SeedSummary(75.0, 1.234, 5))))),
                List.of("Each cell: mean ± sample standard deviation (ddof = 1).", "F1 x100; 50% of {l,a}."));
    }

    @Test
    void markdown() {
        assertEquals("""
                **Tiny**

                | Model | {l,a} MAE | {l,a} F1 | Avg. MAE | Avg. F1 |
                |:---|---:|---:|---:|---:|
                | UMDF | 0.832 ± 0.010 | 82.92 ± 0.50 | 0.900 | n/a |
                | Trans_M & Co | — | 0.00 ± 0.00 | n/a | 75.00 ± 1.23 |

                - Each cell: mean ± sample standard deviation (ddof = 1).
                - F1 x100; 50% of {l,a}.
                """, new MarkdownTableWriter().render(tiny()));
    }

    @Test
    void csv() {
        assertEquals("""
                Model,"{l,a} MAE","{l,a} F1",Avg. MAE,Avg. F1
                UMDF,0.832 ± 0.010,82.92 ± 0.50,0.900,n/a
                Trans_M & Co,,0.00 ± 0.00,n/a,75.00 ± 1.23

                # Tiny
                # Each cell: mean ± sample standard deviation (ddof = 1).
                # F1 x100; 50% of {l,a}.
                """, new CsvTableWriter().render(tiny()));
    }

    @Test
    void latex() {
        assertEquals("""
                \\begin{table}[t]
                \\centering
                \\caption{Tiny}
                \\begin{tabular}{lrrrr}
                \\toprule
                 & \\multicolumn{2}{c}{\\{l,a\\}} & \\multicolumn{2}{c}{Avg.} \\\\
                \\cmidrule(lr){2-3} \\cmidrule(lr){4-5}
                Model & MAE & F1 & MAE & F1 \\\\
                \\midrule
                UMDF & 0.832 $\\pm$ 0.010 & 82.92 $\\pm$ 0.50 & 0.900 & n/a \\\\
                Trans\\_M \\& Co & -- & 0.00 $\\pm$ 0.00 & n/a & 75.00 $\\pm$ 1.23 \\\\
                \\bottomrule
                \\end{tabular}
                \\par\\smallskip
                {\\footnotesize
                Each cell: mean $\\pm$ sample standard deviation (ddof = 1).\\par
                F1 x100; 50\\% of \\{l,a\\}.\\par
                }
                \\end{table}
                """, new LatexTableWriter().render(tiny()));
    }

    @Test
    void json() {
        assertEquals("""
                {
                  "title": "Tiny",
                  "labelHeader": null,
                  "columns": [
                    {
                      "group": "{l,a}",
                      "metric": "MAE",
                      "key": "mae",
                      "scale": 1.0,
                      "decimals": 3
                    },
                    {
                      "group": "{l,a}",
                      "metric": "F1",
                      "key": "f1_non0",
                      "scale": 100.0,
                      "decimals": 2
                    },
                    {
                      "group": "Avg.",
                      "metric": "MAE",
                      "key": "mae",
                      "scale": 1.0,
                      "decimals": 3
                    },
                    {
                      "group": "Avg.",
                      "metric": "F1",
                      "key": "f1_non0",
                      "scale": 100.0,
                      "decimals": 2
                    }
                  ],
                  "rows": [
                    {
                      "model": "UMDF",
                      "label": null,
                      "cells": [
                        {
                          "status": "value",
                          "mean": 0.8321,
                          "std": 0.0104,
                          "n": 3,
                          "text": "0.832 ± 0.010"
                        },
                        {
                          "status": "value",
                          "mean": 82.924,
                          "std": 0.5,
                          "n": 3,
                          "text": "82.92 ± 0.50"
                        },
                        {
                          "status": "value",
                          "mean": 0.9,
                          "std": null,
                          "n": 1,
                          "text": "0.900"
                        },
                        {
                          "status": "n/a"
                        }
                      ]
                    },
                    {
                      "model": "Trans_M & Co",
                      "label": null,
                      "cells": [
                        {
                          "status": "missing"
                        },
                        {
                          "status": "value",
                          "mean": -0.001,
                          "std": 0.001,
                          "n": 2,
                          "text": "0.00 ± 0.00"
                        },
                        {
                          "status": "n/a"
                        },
                        {
                          "status": "value",
                          "mean": 75.0,
                          "std": 1.234,
                          "n": 5,
                          "text": "75.00 ± 1.23"
                        }
                      ]
                    }
                  ],
                  "notes": [
                    "Each cell: mean ± sample standard deviation (ddof = 1).",
                    "F1 x100; 50% of {l,a}."
                  ]
                }
                """, new JsonTableWriter().render(tiny()));
    }

    @Test
    void latexRowLabelsShowTheModelOnceAndSpaceTheGroups() {
        ResultTable t = new ResultTable("Labels", "Emotion",
                List.of(new ResultTable.ColumnGroup("{l}", List.of(Metric.LABEL_F1))),
                List.of(new ResultTable.Row("A", "happy", List.of(Cell.of(new SeedSummary(80, 1, 2)))),
                        new ResultTable.Row("A", "sad", List.of(Cell.of(new SeedSummary(70, 1, 2)))),
                        new ResultTable.Row("B", "happy", List.of(Cell.MISSING))),
                List.of());
        String tex = new LatexTableWriter().render(t);
        assertTrue(tex.contains("""
                 & & \\multicolumn{1}{c}{\\{l\\}} \\\\
                \\cmidrule(lr){3-3}
                Model & Emotion & F1 \\\\
                \\midrule
                A & happy & 80.0 $\\pm$ 1.0 \\\\
                 & sad & 70.0 $\\pm$ 1.0 \\\\
                \\addlinespace
                B & happy & -- \\\\
                """), tex);
        assertTrue(new MarkdownTableWriter().render(t).contains("| A | sad | 70.0 ± 1.0 |"));
    }

    @Test
    void formatsByNameAndWriteFiles(@TempDir Path dir) throws Exception {
        assertEquals(TableFormat.LATEX, TableFormat.parse("tex"));
        assertEquals(TableFormat.MARKDOWN, TableFormat.parse("Markdown"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableFormat.parse("html"));
        assertEquals("Unknown table format 'html'; expected one of markdown (md), csv (csv), json (json), latex (tex)",
                e.getMessage());
        for (TableFormat f : TableFormat.values()) {
            Path file = dir.resolve("t/table." + f.extension());
            f.writer().write(tiny(), file);
            assertEquals(f.writer().render(tiny()), Files.readString(file));
        }
    }

    @Test
    void builtTablesRenderTheirNotesAsFooters() {
        ResultTable t = ResultTable.byCondition().dataset("mosi").models("A", "B").compare("A", "B")
                .build(ConditionTableBuilderTest.records());
        String md = new MarkdownTableWriter().render(t);
        assertTrue(md.contains("- Paired test, A vs B, per-seed Avg. F1 over seeds 1, 2, 3 (n = 3): mean difference +0.00;"
                + " paired t-test not computable (all paired differences are equal, so their variance is zero);"
                + " Wilcoxon signed-rank not computable (all paired differences are zero).\n"), md);
        assertTrue(new CsvTableWriter().render(t).contains("\n# Paired test, A vs B, per-seed Avg. MAE"));
        assertTrue(new LatexTableWriter().render(t).contains("Paired test, A vs B, per-seed Avg. MAE"));
    }
}
