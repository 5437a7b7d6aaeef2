package dev.helpdesk.examples.crm.web;

import dev.helpdesk.examples.crm.desk.Rejected;
import dev.helpdesk.examples.crm.desk.SupportService;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Files attached to tickets, for whoever may read the message they came with. */
@RestController
class FilesController {
    private final SupportService support;

    FilesController(SupportService support) {
        this.support = support;
    }

    @GetMapping("/tickets/{number}/files")
    ResponseEntity<InputStreamResource> download(@PathVariable("number") long number, @RequestParam("key") String key,
                                                 HttpSession session) {
        SignedIn me = SignedIn.of(session).orElse(null);
        if (me == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        try {
            SupportService.Download file = support.download(number, key, me.actor());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name(),
                            java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(file.size())
                    .body(new InputStreamResource(file.content()));
        } catch (Rejected e) {
            return ResponseEntity.notFound().build();
        }
    }
}
