package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.TestClock;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The workbench pages, search, assignment, the overdue job and the material viewer. */
@IntegrationTest
class CaseWorkbenchTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseworkTestSupport support;
    @Autowired
    UserDetailsService users;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseHandling handling;
    @Autowired
    CaseQueries queries;
    @Autowired
    OverdueMarking overdue;
    @Autowired
    CaseDecisions decisions;
    @Autowired
    TestClock clock;

    @BeforeEach
    void inJune2026() {
        clock.travelTo(LocalDate.of(2026, 6, 15));
    }

    @AfterEach
    void back() {
        support.signOut();
        clock.reset();
    }

    @Test
    void pagesShowTheCaseItsStepActionsAndSafeMaterials() throws Exception {
        long id = applied("990100");
        var window = user(users.loadUserByUsername("window01"));
        mvc.perform(get("/workbench/tasks").with(window)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("食品经营许可")));
        mvc.perform(get("/workbench/figures").with(window)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("本辖区在办")));
        mvc.perform(get("/workbench/cases/" + id).with(window)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"accept\"")))
                .andExpect(content().string(Matchers.containsString("1101**********002X")));
        support.as("window01");
        long material = queries.detail(id).materials().getFirst().id();
        support.signOut();
        mvc.perform(get("/workbench/cases/" + id + "/materials/" + material).with(window)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/workbench/cases/" + id).with(user(users.loadUserByUsername("nanxi_window"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/me/cases/" + id).with(user(users.loadUserByUsername("shifan_food"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/me/cases/" + id).with(user(users.loadUserByUsername("zhangsan")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("待受理")));
        mvc.perform(post("/workbench/cases/" + id + "/accept").with(window).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/workbench/cases/" + id + "/accept").with(window).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已被他人处理")));
    }

    @Test
    void searchStaysInTheRegionAndAssignmentNeedsAFittingStaffMember() {
        long city = applied("990100");
        long county = applied("990121");
        support.as("window01");
        assertThat(queries.search(CaseSearch.none())).extracting(WorkItem::caseId).contains(city).doesNotContain(county);
        assertThat(queries.search(new CaseSearch(null, "张", "食品", CaseStatus.SUBMITTED, false)))
                .extracting(WorkItem::caseId).contains(city);
        support.as("nanxi_chief");
        assertThatThrownBy(() -> handling.assign(county, "window01")).isInstanceOf(InvalidInputException.class);
        assertThat(handling.assign(county, "nanxi_window").assignee()).isEqualTo("nanxi_window");
    }

    @Test
    void theOverdueJobMarksCasesPastTheirPromisedDateAndTheTaskListShowsThemFirst() {
        long id = applied("990100");
        support.as("window01");
        CaseView accepted = handling.accept(id);
        clock.travelTo(accepted.promisedDue().plusDays(1));
        assertThat(overdue.markAll()).isPositive();
        assertThat(queries.myTasks()).extracting(WorkItem::caseId).doesNotContain(id); // it waits for a reviewer now
        support.as("reviewer01");
        var tasks = queries.myTasks();
        assertThat(tasks).filteredOn(t -> t.caseId() == id).singleElement()
                .satisfies(t -> assertThat(t.overdue()).isTrue());
        int firstNotOverdue = tasks.stream().map(WorkItem::overdue).toList().indexOf(false);
        assertThat(firstNotOverdue == -1 || tasks.subList(firstNotOverdue, tasks.size()).stream().noneMatch(WorkItem::overdue))
                .as("overdue tasks come first").isTrue();
        assertThat(queries.search(new CaseSearch(null, null, null, null, true))).extracting(WorkItem::caseId).contains(id);
    }

    @Test
    void anApplicationNotAnsweredWithinFiveWorkingDaysIsMarkedAndComesFirst() {
        // submitted Monday 2026-06-15: 6/16, 6/17, 6/18, [6/19-6/21 端午], 6/22, 6/23 → the period ends 6/23
        long id = applied("990100");
        support.as("window01");
        assertThat(queries.myTasks()).filteredOn(t -> t.caseId() == id).singleElement()
                .satisfies(t -> assertThat(t.promisedDue()).isEqualTo(LocalDate.of(2026, 6, 23)))
                .satisfies(t -> assertThat(t.overdue()).isFalse());
        clock.travelTo(LocalDate.of(2026, 6, 24));
        overdue.markAll();
        assertThat(queries.myTasks()).filteredOn(t -> t.caseId() == id).singleElement()
                .satisfies(t -> assertThat(t.overdue()).isTrue());
        assertThat(queries.myTasks().getFirst().overdue()).isTrue();
    }

    @Test
    void figuresCountLateCasesAgainstThePromisedAndTheLegalLimits() {
        long id = applied("990121");
        support.as("nanxi_window");
        handling.accept(id); // 2026-06-15: promised 7 → due 6/25 (端午 6/19-6/21); legal 20 → due 7/14
        support.as("nanxi_chief");
        handling.completeReview(id, "符合要求");
        CaseFigures before = queries.figures(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31));
        clock.travelTo(LocalDate.of(2026, 8, 3)); // 35 working days after acceptance: late against both limits
        decisions.decide(id, new Decision(true, "符合条件", null, null));
        support.as("nanxi_window");
        handling.deliver(id, "PICKUP");
        support.as("nanxi_chief");
        CaseFigures after = queries.figures(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31));
        assertThat(after.concluded()).isEqualTo(before.concluded() + 1);
        assertThat(after.lateAgainstLegal()).isEqualTo(before.lateAgainstLegal() + 1);
        assertThat(after.threeTimesLate()).isEqualTo(before.threeTimesLate() + 1);
        assertThat(after.concludedOnTime()).isEqualTo(before.concludedOnTime());
    }

    private long applied(String region) {
        return support.applied(region, intake);
    }
}
