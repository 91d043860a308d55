package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.List;
import org.rnnlab.reporting.model.ChoraleRecord;

/**
 * A self-contained page of chorales to look at and listen to ({@link ChoraleSection}), for a variant's
 * folder or a dataset. It opens offline: styles and scripts are inlined.
 */
public final class ChoralePage {
    private ChoralePage() {}

    public static String of(String title, String introduction, List<ChoraleRecord> chorales) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"generator\" content=\"rnnlab reporting\"><title>" + escape(title) + "</title>\n"
                + "<script>" + PageAssets.ERROR_CAPTURE + "</script>\n<style>" + PageAssets.STYLE + PageAssets.CHORALE_STYLE
                + "</style></head>\n<body><main><header><h1>" + escape(title) + "</h1><p class=\"subtitle\">" + escape(introduction)
                + "</p></header><section id=\"chorales\"><h2>Chorales</h2>" + ChoraleSection.of(chorales) + "</section></main>"
                + "<footer><p>Made by rnnlab. Sound is synthesised in the page with Web Audio.</p></footer>\n"
                + "<script>" + PageAssets.CHORALE_PLAYER + "</script>\n</body></html>\n";
    }
}
