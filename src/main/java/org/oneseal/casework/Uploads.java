package org.oneseal.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Multipart parts named {@code file.<requirementCode>} (pages and API alike) as submitted files. A file
 * input left empty (no file name, no content) is ignored; a chosen file without content is kept, so that
 * it is refused by name. Of a file larger than a material may be, only what shows that is read.
 */
final class Uploads {

    static final String PREFIX = "file.";

    private Uploads() {
    }

    /** The files of a request; a request that is not multipart (a form without files) has none. */
    static List<SubmittedFile> of(jakarta.servlet.http.HttpServletRequest request) {
        var multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
                org.springframework.web.multipart.MultipartHttpServletRequest.class);
        return multipart == null ? List.of() : of(multipart.getMultiFileMap());
    }

    static List<SubmittedFile> of(MultiValueMap<String, MultipartFile> parts) {
        List<SubmittedFile> files = new ArrayList<>();
        if (parts == null) {
            return files;
        }
        for (Map.Entry<String, List<MultipartFile>> e : parts.entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String code = e.getKey().substring(PREFIX.length());
            for (MultipartFile f : e.getValue()) {
                boolean named = f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank();
                if (named || !f.isEmpty()) {
                    files.add(new SubmittedFile(code, f.getOriginalFilename(), f.getContentType(), bytes(f)));
                }
            }
        }
        return files;
    }

    /** The content, but never more than one byte over the material limit (enough to refuse it as too large). */
    private static byte[] bytes(MultipartFile f) {
        try (var in = f.getInputStream()) {
            return in.readNBytes((int) MaterialCheck.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
