package org.oneseal.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 我的消息 in the portal: the list, and opening a message (marks it read, then shows its case). */
@Controller
class MessagePages {

    private final MyMessages messages;

    MessagePages(MyMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/me/messages")
    String inbox(Model model) {
        model.addAttribute("inbox", messages.inbox());
        return "notification/messages";
    }

    @PostMapping("/me/messages/{id}/read")
    String open(@PathVariable long id) {
        return "redirect:" + messages.read(id).link();
    }
}
