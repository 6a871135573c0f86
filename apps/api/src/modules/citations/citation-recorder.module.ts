import { Module } from '@nestjs/common';
import { CitationRecorder } from './citation-recorder.js';

/** The write side of citations, for the modules that save posts (questions, answers); the rest of citations depends on them. */
@Module({
  providers: [CitationRecorder],
  exports: [CitationRecorder],
})
export class CitationRecorderModule {}
