/** Build entry of the core worker thread (out/main/coreWorker.js). */
import './workerEntry';
