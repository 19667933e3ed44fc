package org.mash.platform.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A code list ({@code code,description} CSV as published with the DfE Children in Need census codes),
 * read from the service's classpath under {@code codes/<name>.csv}.
 */
public final class CodeList {

    private final String name;
    private final Map<String, String> descriptions;

    private CodeList(String name, Map<String, String> descriptions) {
        this.name = name;
        this.descriptions = Collections.unmodifiableMap(descriptions);
    }

    public static CodeList load(String name) {
        String resource = "codes/" + name + ".csv";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no code list " + resource + " on the classpath");
            }
            return parse(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CodeList parse(String name, InputStream csv) throws IOException {
        Map<String, String> codes = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.trim().equalsIgnoreCase("code,description")) {
            throw new IllegalArgumentException("code list " + name + " must start with 'code,description'");
        }
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            String description = line.substring(comma + 1).trim();
            if (description.startsWith("\"") && description.endsWith("\"")) {
                description = description.substring(1, description.length() - 1).replace("\"\"", "\"");
            }
            codes.put(line.substring(0, comma).trim(), description);
        }
        return new CodeList(name, codes);
    }

    public String name() {
        return name;
    }

    public boolean contains(String code) {
        return code != null && descriptions.containsKey(code);
    }

    public String describe(String code) {
        return descriptions.get(code);
    }

    public List<Map.Entry<String, String>> entries() {
        return new ArrayList<>(descriptions.entrySet());
    }
}
