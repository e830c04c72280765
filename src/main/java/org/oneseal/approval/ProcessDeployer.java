package org.oneseal.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process files at startup: every {@code classpath*:processes/*.bpmn20.xml} shipped with the
 * application, then every {@code *.bpmn20.xml} in the operator's directory {@code oneseal.processes.dir}
 * (default {@code ./processes}; it may not exist). Each file is its own deployment, named after its origin and
 * file name, with Flowable's duplicate filtering: an unchanged file deploys nothing, a changed one becomes the
 * next version of its process definitions. Nodes starting together take turns through a database lock, so a
 * change is deployed once.
 * <p>
 * A broken shipped file stops the startup (a build defect, caught by the tests); a broken operator file is
 * logged as an error naming the file and skipped, so one typo does not take the bureau offline.
 */
@Component
class ProcessDeployer implements SmartInitializingSingleton {

    static final String CLASSPATH_PATTERN = "classpath*:processes/*.bpmn20.xml";
    static final String FILE_SUFFIX = ".bpmn20.xml";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final ResourcePatternResolver resources;
    private final DeploymentLock lock;
    private final Path operatorDirectory;

    ProcessDeployer(RepositoryService repository, ResourcePatternResolver resources, DeploymentLock lock,
                    @Value("${oneseal.processes.dir:./processes}") Path operatorDirectory) {
        this.repository = repository;
        this.resources = resources;
        this.lock = lock;
        this.operatorDirectory = operatorDirectory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deployUnderLock();
    }

    /** Deploys what changed, one node at a time; returns the deployments made now (empty when nothing changed). */
    List<Deployment> deployUnderLock() {
        return lock.whileHeld(this::deployAll);
    }

    private List<Deployment> deployAll() {
        List<Deployment> made = new ArrayList<>();
        for (Resource resource : shippedFiles()) {
            deployIfChanged("classpath:" + resource.getFilename(), resource.getFilename(), resource).ifNew(made);
        }
        for (Path file : operatorFiles()) {
            deployOperatorFile(file).ifNew(made);
        }
        return made;
    }

    private Outcome deployOperatorFile(Path file) {
        try {
            return deployIfChanged("file:" + file.getFileName(), file.getFileName().toString(), new FileSystemResource(file));
        } catch (RuntimeException e) {
            log.error("Process file {} was not deployed, it is skipped: {}", file.toAbsolutePath(),
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return Outcome.NONE;
        }
    }

    private Outcome deployIfChanged(String deploymentName, String resourceName, Resource resource) {
        String before = latestDeploymentId(deploymentName);
        try (InputStream in = resource.getInputStream()) {
            Deployment latest = repository.createDeployment()
                    .name(deploymentName)
                    .addInputStream(resourceName, in)
                    .enableDuplicateFiltering()
                    .deploy();
            if (latest.getId().equals(before)) {
                log.debug("Process file {} unchanged (deployment {})", deploymentName, before);
                return Outcome.NONE;
            }
            log.info("Process file {} deployed as deployment {}", deploymentName, latest.getId());
            return new Outcome(latest);
        } catch (IOException e) {
            throw new UncheckedIOException("Process file " + deploymentName + " cannot be read", e);
        }
    }

    private String latestDeploymentId(String deploymentName) {
        return repository.createDeploymentQuery().deploymentName(deploymentName)
                .orderByDeploymentTime().desc().listPage(0, 1).stream()
                .map(Deployment::getId).findFirst().orElse(null);
    }

    private List<Resource> shippedFiles() {
        try {
            return Arrays.stream(resources.getResources(CLASSPATH_PATTERN))
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + CLASSPATH_PATTERN, e);
        }
    }

    private List<Path> operatorFiles() {
        if (!Files.isDirectory(operatorDirectory)) {
            log.debug("No operator process directory {}", operatorDirectory.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> files = Files.list(operatorDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(FILE_SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.error("Process directory {} cannot be read: {}", operatorDirectory.toAbsolutePath(), e.getMessage());
            return List.of();
        }
    }

    private record Outcome(Deployment deployment) {
        static final Outcome NONE = new Outcome(null);

        void ifNew(List<Deployment> made) {
            if (deployment != null) {
                made.add(deployment);
            }
        }
    }
}
