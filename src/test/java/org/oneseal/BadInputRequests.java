package org.oneseal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The malformed requests the {@link BadInputSweepTests sweep} sends to one endpoint, made from the
 * {@link BadInputCorpus}: bad path ids; every corpus value in a field, packed into the handler's own fields
 * and common ones; every non-text field alone with a value of the wrong type; malformed row field names;
 * malformed JSON, JSON of the wrong types and every corpus value in each text field of the body.
 */
record BadInputRequests(HttpMethod http, String pattern, HandlerMethod handler, boolean multipartOnly, int index) {

    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Names many forms use, so that a value reaches fields the handler reads without declaring them. */
    static final List<String> COMMON_FIELDS = List.of("name", "code", "username", "password", "reason",
            "text", "matterId", "regionId", "date", "days", "q", "status", "kind", "grant", "method", "assignee",
            "step", "note", "phone", "description");
    /** Values of the wrong JSON type for a field, whatever its type. */
    static final List<String> WRONG_JSON = List.of("[]", "{}", "12", "true", "\"abc\"", "1e400", "\"NOPE\"",
            "\"2026-02-30\"", "99999999999999999999");

    /** A request made afresh for each user (post-processors accumulate on a builder), and what it is. */
    record Labelled(String label, Supplier<AbstractMockHttpServletRequestBuilder<?>> request) {
    }

    /** The path with every variable set to a well-formed id of nothing, so that the rest of the request is read. */
    String path() {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, switch (m.group(1)) {
                case "date" -> "2099-12-31";
                case "year" -> "2099";
                default -> "999999999";
            });
        }
        return m.appendTail(sb).toString();
    }

    List<Labelled> badIds() {
        if (!pattern.contains("{")) {
            return List.of();
        }
        return BadInputCorpus.IDS.stream().map(id -> labelled("id " + id,
                () -> MockMvcRequestBuilders.request(http, URI.create(VARIABLE.matcher(pattern).replaceAll(id)))))
                .toList();
    }

    /**
     * Every corpus value once, packed into the fields (declared and common) and rotated per endpoint; each
     * declared field that is not text once on its own with a value of the wrong type (so that no other
     * field's error hides its own); the NUL-carrying values in every field. A handler that reads no input
     * gets only the first pack.
     */
    List<Labelled> formVariants() {
        List<String> declared = declaredFields();
        List<String> fields = new ArrayList<>(new LinkedHashSet<>(concat(declared, COMMON_FIELDS)));
        List<String> values = BadInputCorpus.values();
        List<Labelled> out = new ArrayList<>();
        int packs = readsInput() ? values.size() : fields.size();
        for (int start = 0; start < packs; start += fields.size()) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int j = 0; j < fields.size() && start + j < values.size(); j++) {
                params.put(fields.get((j + index) % fields.size()), values.get(start + j));
            }
            out.add(form("form " + params.entrySet().stream().map(e -> e.getKey() + "=" + shortened(e.getValue()))
                    .collect(Collectors.joining(" ")), params));
        }
        List<String> typed = typedFields();
        for (int i = 0; i < typed.size(); i++) {
            String value = BadInputCorpus.TYPES.get((index + i) % BadInputCorpus.TYPES.size());
            out.add(form("form " + typed.get(i) + "=" + value + " alone", Map.of(typed.get(i), value)));
        }
        for (String control : BadInputCorpus.CONTROL) {
            Map<String, String> params = new LinkedHashMap<>();
            fields.forEach(f -> params.put(f, control));
            out.add(form("form (control characters)", params));
        }
        return out;
    }

    /** Row fields of list-valued form fields under malformed names ({@code materials[x].name}). */
    List<Labelled> badFieldNames() {
        List<Labelled> out = new ArrayList<>();
        for (String list : listFields()) {
            for (String bad : BadInputCorpus.FIELD_NAMES) {
                out.add(form("field " + list + bad, Map.of(list + bad, "x")));
            }
        }
        return out;
    }

    List<Labelled> badJson() {
        List<Labelled> out = new ArrayList<>();
        for (String json : BadInputCorpus.JSON) {
            out.add(json("json " + shortened(json), json.getBytes(StandardCharsets.UTF_8)));
        }
        out.add(json("json broken UTF-8", BadInputCorpus.BROKEN_UTF8));
        return out;
    }

    /** Each field of the body's type with a value of every wrong JSON type. */
    List<Labelled> wrongJsonTypes() {
        List<Labelled> out = new ArrayList<>();
        for (RecordComponent c : components(bodyRecord())) {
            for (String wrong : WRONG_JSON) {
                String json = wrap("{\"" + c.getName() + "\":" + wrong + "}");
                out.add(json("json " + json, json.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** Every corpus value as the text of one of the body's text fields (a list body carries them all at once). */
    List<Labelled> corpusInJson() {
        List<String> texts = components(bodyRecord()).stream().filter(c -> c.getType() == String.class)
                .map(RecordComponent::getName).toList();
        if (texts.isEmpty()) {
            texts = List.of("text");
        }
        List<String> values = BadInputCorpus.values();
        List<String> objects = new ArrayList<>();
        for (int start = 0; start < values.size(); start += texts.size()) {
            StringBuilder o = new StringBuilder("{");
            for (int j = 0; j < texts.size() && start + j < values.size(); j++) {
                o.append(j == 0 ? "" : ",").append('"').append(texts.get(j)).append("\":")
                        .append(json(values.get(start + j)));
            }
            objects.add(o.append('}').toString());
        }
        if (listBody()) {
            return List.of(json("json list of every value",
                    ("[" + String.join(",", objects) + "]").getBytes(StandardCharsets.UTF_8)));
        }
        return objects.stream().map(o -> json("json " + shortened(o), o.getBytes(StandardCharsets.UTF_8))).toList();
    }

    private String wrap(String object) {
        return listBody() ? "[" + object + "]" : object;
    }

    private Labelled form(String what, Map<String, String> params) {
        return labelled(what, () -> {
            URI uri = URI.create(path());
            AbstractMockHttpServletRequestBuilder<?> r = multipartOnly ? MockMvcRequestBuilders.multipart(http, uri)
                    : http == HttpMethod.GET ? MockMvcRequestBuilders.request(http, uri)
                    : MockMvcRequestBuilders.request(http, uri).contentType(MediaType.APPLICATION_FORM_URLENCODED);
            params.forEach(r::param);
            return r;
        });
    }

    private Labelled json(String what, byte[] body) {
        return labelled(what, () -> MockMvcRequestBuilders.request(http, URI.create(path()))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private Labelled labelled(String what, Supplier<AbstractMockHttpServletRequestBuilder<?>> request) {
        return new Labelled(http + " " + pattern + " " + what, request);
    }

    MethodParameter body() {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) {
                return p;
            }
        }
        return null;
    }

    /** Whether the handler reads anything beyond its path: parameters, a form, a body or the raw request. */
    private boolean readsInput() {
        return !declaredFields().isEmpty() || body() != null || java.util.Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> jakarta.servlet.ServletRequest.class.isAssignableFrom(p.getParameterType()));
    }

    private boolean listBody() {
        return List.class.isAssignableFrom(body().getParameterType());
    }

    private Class<?> bodyRecord() {
        return listBody() ? elementType(body().getGenericParameterType()) : body().getParameterType();
    }

    /** Request parameters the handler declares, and the fields (and row fields) of its form objects. */
    private List<String> declaredFields() {
        List<String> names = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                names.add(!param.name().isEmpty() ? param.name() : p.getParameterName());
            } else if (isForm(p)) {
                for (RecordComponent c : components(p.getParameterType())) {
                    names.add(c.getName());
                    Class<?> row = List.class.isAssignableFrom(c.getType()) ? elementType(c.getGenericType()) : null;
                    if (row != null && row.isRecord()) {
                        components(row).forEach(rc -> names.add(c.getName() + "[0]." + rc.getName()));
                    } else if (row != null) {
                        names.add(c.getName() + "[0]");
                    }
                }
            }
        }
        return names;
    }

    /** Declared fields that are not text: where a value has to be converted, and may fail to be. */
    private List<String> typedFields() {
        List<String> names = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null && p.getParameterType() != String.class) {
                names.add(!param.name().isEmpty() ? param.name() : p.getParameterName());
            } else if (isForm(p)) {
                components(p.getParameterType()).stream().filter(c -> c.getType() != String.class)
                        .filter(c -> !List.class.isAssignableFrom(c.getType())).forEach(c -> names.add(c.getName()));
            }
        }
        return names;
    }

    private List<String> listFields() {
        List<String> lists = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            if (isForm(p)) {
                components(p.getParameterType()).stream().filter(c -> List.class.isAssignableFrom(c.getType()))
                        .forEach(c -> lists.add(c.getName()));
            }
        }
        return lists;
    }

    static boolean isForm(MethodParameter p) {
        return p.getParameterType().isRecord() && !p.hasParameterAnnotation(RequestBody.class)
                && !p.hasParameterAnnotation(PathVariable.class) && !BeanUtils.isSimpleProperty(p.getParameterType());
    }

    private static List<RecordComponent> components(Class<?> type) {
        return type != null && type.isRecord() ? List.of(type.getRecordComponents()) : List.of();
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A JSON string literal of any Java string (lone surrogates and control characters escaped). */
    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String shortened(String value) {
        String v = value.length() > 30 ? value.substring(0, 30) + "…(" + value.length() + ")" : value;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
