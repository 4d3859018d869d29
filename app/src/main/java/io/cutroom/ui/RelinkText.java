package io.cutroom.ui;

import io.cutroom.usecases.Relinker;

/** What a relink found, in a sentence for the editor. */
final class RelinkText {
    private RelinkText() {
    }

    static String of(Relinker.Report report) {
        StringBuilder text = new StringBuilder();
        int moved = report.moved().size();
        text.append(moved == 0 ? "No missing file was found there." : moved == 1 ? "1 file was found again." : moved + " files were found again.");
        if (!report.changed().isEmpty()) {
            text.append(' ').append(report.changed().size()).append(report.changed().size() == 1 ? " file" : " files")
                    .append(" had changed in place and were read again.");
        }
        int offline = report.offline().size();
        if (offline > 0) {
            text.append(' ').append(offline).append(offline == 1 ? " file is" : " files are").append(" still offline.");
        }
        return text.toString();
    }
}
